using Pipeline.Stages.Tests.Spec;

namespace Pipeline.Stages.Tests.Hosting;

/// <summary>
/// A fact that runs build/build.cake in Cake itself: it needs the stages published in <c>.tools/pipeline</c>, which
/// <c>./build.sh</c> (and so <c>./build.sh --target=Test</c>) does first; skipped, with the reason, without them.
/// </summary>
public sealed class CakeFactAttribute : FactAttribute
{
    public CakeFactAttribute()
    {
        if (!File.Exists(Path.Combine(RepositoryRoot.Path, ".tools", "pipeline", "Pipeline.Stages.dll")))
            Skip = ".tools/pipeline is not published: run ./build.sh (any target) first to run the Cake front-end tests";
    }
}
