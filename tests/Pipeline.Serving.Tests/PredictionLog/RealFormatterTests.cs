using System.Buffers.Text;
using System.Text;
using Pipeline.Serving.PredictionLog;

namespace Pipeline.Serving.Tests.PredictionLog;

/// <summary>The fast path writes every double exactly as Utf8JsonWriter (Utf8Formatter's shortest form) does.</summary>
public sealed class RealFormatterTests
{
    private static string Fast(double value)
    {
        Span<byte> buffer = stackalloc byte[RealFormatter.MaxLength];
        return Encoding.ASCII.GetString(buffer[..RealFormatter.Format(value, buffer)]);
    }

    private static string Expected(double value)
    {
        Span<byte> buffer = stackalloc byte[RealFormatter.MaxLength];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        return Encoding.ASCII.GetString(buffer[..written]);
    }

    [Theory]
    [InlineData(13.08)]
    [InlineData(520)]
    [InlineData(0.004097)]
    [InlineData(-3.5)]
    [InlineData(0.1)]
    [InlineData(0.0001)]
    [InlineData(0.00001)]
    [InlineData(99999999999999.9)]
    [InlineData(1e14)]
    [InlineData(1e15)]
    [InlineData(123456789012345.6)]
    [InlineData(0.30000000000000004)]
    [InlineData(0.0)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(5e-324)]
    public void Format_Boundaries_AsUtf8Formatter(double value) => Assert.Equal(Expected(value), Fast(value));

    [Fact]
    public void Format_NegativeZero_AsUtf8Formatter() => Assert.Equal(Expected(-0.0), Fast(-0.0));

    [Fact]
    public void Format_RandomDecimalsAndBitPatterns_AsUtf8Formatter()
    {
        // Given short decimals of every scale (the common input), float-widened values and arbitrary bit patterns.
        var random = new Random(20261203);
        for (var i = 0; i < 300_000; i++)
        {
            var digits = random.NextInt64(1, 1_000_000_000_000_000);
            var scale = random.Next(0, 22);
            double value = (i % 3) switch
            {
                0 => digits / Math.Pow(10, scale) * (random.Next(2) == 0 ? 1 : -1),
                1 => (float)(random.NextDouble() * Math.Pow(10, random.Next(-6, 16))),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
            };
            if (!double.IsFinite(value))
                continue;

            // When written; Then the same text.
            Assert.True(Expected(value) == Fast(value), $"{value:R}: expected {Expected(value)}, got {Fast(value)}");
        }
    }
}
