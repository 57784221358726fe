namespace Pipeline.Tracking.Registry;

/// <summary>What a <see cref="ModelUri"/> names.</summary>
public enum ModelUriKind
{
    /// <summary><c>models:/&lt;name&gt;/&lt;version&gt;</c></summary>
    Version,

    /// <summary><c>models:/&lt;name&gt;@&lt;alias&gt;</c></summary>
    Alias,

    /// <summary><c>models:/&lt;name&gt;/latest</c> (any case): the newest live version.</summary>
    Latest,

    /// <summary><c>models:/&lt;name&gt;/&lt;stage&gt;</c>: the newest version in a (deprecated) stage.</summary>
    Stage,

    /// <summary><c>runs:/&lt;run_id&gt;/&lt;path&gt;</c>: a path in a run's artifacts.</summary>
    Run,
}
