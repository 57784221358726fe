namespace Pipeline.Tracking.Search;

/// <summary>An invalid filter or order-by: INVALID_PARAMETER_VALUE, with the position of the offending token.</summary>
public sealed class SearchSyntaxException(string message, int position)
    : TrackingException(ErrorCode.InvalidParameterValue, message)
{
    /// <summary>Zero-based character offset of the bad token in the filter text.</summary>
    public int Position { get; } = position;
}
