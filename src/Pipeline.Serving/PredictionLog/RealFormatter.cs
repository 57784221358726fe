using System.Buffers.Text;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// Writes a double as <see cref="System.Text.Json.Utf8JsonWriter"/> does (<see cref="Utf8Formatter"/>'s shortest form that
/// reads back to the same double), quickly for the common input value: at most 15 significant digits, between 1e-4 and 1e14.
/// Such a value is <c>m / 10^k</c> for the smallest <c>k</c> at which that quotient, computed in doubles (so rounded as
/// parsing rounds it), is the value itself: that is the shortest form, and with 15 digits or fewer it is the only one of
/// its length. Anything else goes to <see cref="Utf8Formatter"/>. Formatting the inputs was half of the log writer's time.
/// </summary>
internal static class RealFormatter
{
    /// <summary>Bytes any double can take.</summary>
    public const int MaxLength = 32;

    private static readonly double[] Powers = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

    private static readonly long[] IntegerPowers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000];

    /// <summary>Writes a finite <paramref name="value"/> to <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); returns the bytes written.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (TryFormatShort(value, destination, out var written))
            return written;
        Utf8Formatter.TryFormat(value, destination, out written);
        return written;
    }

    private static bool TryFormatShort(double value, Span<byte> destination, out int written)
    {
        written = 0;
        var magnitude = Math.Abs(value);
        // Also false for NaN and for zero (-0 is written "-0").
        if (!(magnitude >= 1e-4 && magnitude < 1e14))
            return false;
        for (var k = 0; k < Powers.Length; k++)
        {
            var scaled = magnitude * Powers[k];
            if (scaled >= 1e15)
                return false; // more than 15 significant digits
            var m = Math.Round(scaled);
            if (m / Powers[k] != magnitude)
                continue;
            if (value < 0)
                destination[written++] = (byte)'-';
            var digits = (long)m;
            var whole = digits / IntegerPowers[k];
            Utf8Formatter.TryFormat(whole, destination[written..], out var wholeLength);
            written += wholeLength;
            if (k > 0)
            {
                destination[written++] = (byte)'.';
                var fraction = digits - (whole * IntegerPowers[k]);
                // k digits, leading zeros kept: 0.004097 is 4097 / 10^6.
                for (var i = k - 1; i >= 0; i--)
                {
                    destination[written + i] = (byte)('0' + (fraction % 10));
                    fraction /= 10;
                }

                written += k;
            }

            return true;
        }

        return false;
    }
}
