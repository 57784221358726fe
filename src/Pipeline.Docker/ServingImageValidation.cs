using System.Text.RegularExpressions;

namespace Pipeline.Docker;

/// <summary>Checks <see cref="ServingImageOptions"/> before anything is sent to the engine.</summary>
internal static partial class ServingImageValidation
{
    /// <summary>Returns the entry file's name inside the publish folder.</summary>
    public static string Validate(ServingImageOptions o)
    {
        Require(!string.IsNullOrWhiteSpace(o.ModelName), nameof(o.ModelName), "must not be empty");
        Require(ImageReference.IsValidTag(o.ModelVersion), nameof(o.ModelVersion), $"'{o.ModelVersion}' is not a valid image tag");
        Require(o.Alias is null || ImageReference.IsValidTag(o.Alias), nameof(o.Alias), $"'{o.Alias}' is not a valid image tag");
        Require(o.ImageRepository is null || ImageReference.IsValidRepository(o.ImageRepository), nameof(o.ImageRepository),
            $"'{o.ImageRepository}' is not a valid image repository (lowercase letters, digits, '.', '_', '-', '/')");
        Require(!string.IsNullOrWhiteSpace(o.BaseImage) && !o.BaseImage.Any(char.IsWhiteSpace), nameof(o.BaseImage), $"'{o.BaseImage}' is not an image reference");
        Require(Directory.Exists(o.PublishFolder), nameof(o.PublishFolder), $"folder '{o.PublishFolder}' does not exist");
        Require(o.RuntimeFolder is null || (o.FrameworkDependent && File.Exists(Path.Combine(o.RuntimeFolder, "dotnet"))), nameof(o.RuntimeFolder),
            $"'{o.RuntimeFolder}' must hold the dotnet host, and needs FrameworkDependent");
        Require(o.ModelDirectory is null || Directory.Exists(o.ModelDirectory), nameof(o.ModelDirectory), $"folder '{o.ModelDirectory}' does not exist");
        Require(o.ChallengerDirectory is null || Directory.Exists(o.ChallengerDirectory), nameof(o.ChallengerDirectory), $"folder '{o.ChallengerDirectory}' does not exist");
        Require(o.Port is > 0 and < 65536, nameof(o.Port), $"{o.Port} is not a TCP port");
        Require(!string.IsNullOrWhiteSpace(o.User) && o.User != "root" && !o.User.StartsWith("0", StringComparison.Ordinal) &&
                !o.User.Any(char.IsWhiteSpace), nameof(o.User), $"'{o.User}' must name a non-root user");
        foreach (var (key, value) in o.Environment)
            Require(EnvironmentKey().IsMatch(key) && !value.Contains('\n'), nameof(o.Environment), $"'{key}' is not a valid variable name or its value has a line break");
        foreach (var (key, value) in o.Labels)
            Require(key.Length > 0 && !(key + value).Contains('\n'), nameof(o.Labels), $"label '{key}' is empty or has a line break");
        Require(o.Description?.Contains('\n') != true, nameof(o.Description), "must be one line");
        foreach (var line in o.AdditionalInstructions)
            Require(!line.Contains('\n'), nameof(o.AdditionalInstructions), $"'{line}' spans several lines");

        var entry = o.FrameworkDependent && !o.EntryPoint.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? o.EntryPoint + ".dll" : o.EntryPoint;
        Require(!string.IsNullOrWhiteSpace(o.EntryPoint) && File.Exists(Path.Combine(o.PublishFolder, entry)), nameof(o.EntryPoint),
            $"'{entry}' is not a file in '{o.PublishFolder}'");
        Require(o.FrameworkDependent || !OperatingSystem.IsLinux() ||
                (File.GetUnixFileMode(Path.Combine(o.PublishFolder, entry)) & UnixFileMode.UserExecute) != 0,
            nameof(o.EntryPoint), $"'{entry}' is not executable: publish self-contained for linux-x64, or set FrameworkDependent");
        return entry;
    }

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
            throw new ArgumentException($"ServingImageOptions.{option}: {problem}.", option);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentKey();
}
