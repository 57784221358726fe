using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pipeline.Serving.Model;
using Pipeline.Serving.PredictionLog;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// Decides which model answers a request: the champion alone; with a challenger, the challenger for <see cref="ScoringServerOptions.Split"/>
/// of the keys in <see cref="ScoringServerOptions.StickyHeader"/> (the same key always meets the same model); or, in shadow mode,
/// the champion answering while the challenger scores too.
/// </summary>
internal sealed class ChallengerRouter(ScoringModelHolder holder, IOptions<ScoringServerOptions> options)
{
    /// <summary>Role of the champion in the log.</summary>
    public const string ChampionRole = "champion";

    /// <summary>Role of the challenger when it answered.</summary>
    public const string ChallengerRole = "challenger";

    /// <summary>Role of the challenger's predictions in shadow mode, which nobody was answered with.</summary>
    public const string ShadowRole = "shadow";

    private const string SplitSalt = "challenger-split";

    /// <summary>True when a challenger is loaded, so requests need an id to route and log by.</summary>
    public bool HasChallenger => holder.Challenger is not null;

    /// <summary>The route for this request; <paramref name="requestId"/> is the key when the sticky header is absent.</summary>
    public ModelRoute Route(HttpContext context, string? requestId)
    {
        var champion = holder.Model;
        if (holder.Challenger is not { } challenger || champion is null)
            return new ModelRoute(champion, null, null);
        var settings = options.Value;
        if (settings.Shadow)
            return new ModelRoute(champion, ChampionRole, challenger);
        var key = context.Request.Headers[settings.StickyHeader].ToString();
        if (key.Length == 0)
            key = requestId ?? RequestIds.New();
        return StickyHash.Unit(SplitSalt, key) < settings.Split
            ? new ModelRoute(challenger, ChallengerRole, null)
            : new ModelRoute(champion, ChampionRole, null);
    }
}

/// <summary>Which model answers, its role in the log (null with one model), and the model that scores in its shadow.</summary>
internal sealed record ModelRoute(IScoringModel? Answering, string? Role, IScoringModel? Shadow);
