using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Ml.Data;

/// <summary>
/// The content digest MLflow records for a dataset: for a pandas DataFrame read from the same CSV,
/// <c>mlflow.data.from_pandas(df).digest</c>. MLflow hashes the first 10,000 rows with pandas' row hash
/// (index included), then the full row count and the column names, with MD5, and keeps the first
/// 8 hex characters.
/// </summary>
public static class DatasetDigest
{
    /// <summary>The number of rows hashed, as MLflow's <c>MAX_ROWS</c>.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The digest length in hex characters, as MLflow truncates it.</summary>
    public const int Length = 8;

    /// <summary>Computes the 8-hex-character digest of a table (columns in file order, label included).</summary>
    public static string Compute(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Schema.Columns;
        var rows = Math.Min(table.RowCount, MaxRows);
        var bytes = new byte[rows * 8];
        var values = new ulong[columns.Count + 1];
        for (var r = 0; r < rows; r++)
        {
            var features = table.Row(r);
            for (int c = 0, f = 0; c < columns.Count; c++)
            {
                var value = columns[c].Name == table.LabelName ? table.Label(r) : features[f++];
                values[c] = PandasHash.Mix(ValueBits(value, columns[c].IsInteger));
            }

            // The default RangeIndex is hashed as one more int64 column.
            values[columns.Count] = PandasHash.Mix((ulong)r);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(r * 8), PandasHash.Combine(values));
        }

        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(bytes);
        Span<byte> count = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(count, table.RowCount);
        md5.AppendData(count);
        foreach (var column in columns) md5.AppendData(Encoding.UTF8.GetBytes(column.Name));
        return Convert.ToHexStringLower(md5.GetHashAndReset())[..Length];
    }

    private static ulong ValueBits(double value, bool isInteger) =>
        isInteger ? unchecked((ulong)(long)value) : BitConverter.DoubleToUInt64Bits(value);
}
