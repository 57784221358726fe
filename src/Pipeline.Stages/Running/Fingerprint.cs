using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Stages.Running;

/// <summary>
/// The content hash of everything that determines a stage's output: the part of the pipeline file it reads, content
/// hashes of its input files, the ids of the upstream results it consumes, and the code that computes it. Content, not
/// timestamps: touching a file changes nothing, editing one value of a list changes the hash.
/// </summary>
internal sealed class Fingerprint
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _value;

    /// <summary>Starts a fingerprint for <paramref name="stage"/> with the version of the code that runs it.</summary>
    public static Fingerprint For(StageName stage) => new Fingerprint().Add("stage", stage.ToString()).Add("code", CodeVersion);

    /// <summary>
    /// The module version ids of the pipeline's own assemblies: deterministic builds give the same id for the same
    /// code, so a rebuild without changes keeps fingerprints, and any code change invalidates them.
    /// </summary>
    public static string CodeVersion { get; } = string.Join('+',
        new[] { typeof(Fingerprint).Assembly, typeof(Ml.Data.DataTable).Assembly, typeof(Tracking.Entities.Run).Assembly }
            .Select(a => a.ManifestModule.ModuleVersionId.ToString("N")[..12]))
        + "+" + typeof(Fingerprint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public Fingerprint Add(string key, string? value)
    {
        if (_value is not null)
            throw new InvalidOperationException("The fingerprint was already read.");
        _hash.AppendData(Encoding.UTF8.GetBytes($"{key}\0{value ?? "\u2400"}\0"));
        return this;
    }

    /// <summary>Adds a value through its JSON form (records serialize their public properties in declaration order).</summary>
    public Fingerprint AddJson<T>(string key, T value) => Add(key, JsonSerializer.Serialize(value));

    /// <summary>Adds a file by its content's sha256 and its name (not its folder, so a moved checkout keeps its fingerprints).</summary>
    public Fingerprint AddFile(string key, string path)
    {
        using var stream = File.OpenRead(path);
        return Add(key, Path.GetFileName(path) + ":" + Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    public string Value => _value ??= Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override string ToString() => Value;
}
