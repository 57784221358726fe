namespace Pipeline.Ml.Models;

/// <summary>
/// The scalar column types of MLflow's column-based schema (<c>mlflow.types.DataType</c>).
/// Their lower-case names (<see cref="MlflowDataTypeNames"/>) are what MLmodel files carry.
/// </summary>
public enum MlflowDataType
{
    /// <summary><c>boolean</c>: true / false.</summary>
    Boolean,
    /// <summary><c>integer</c>: 32-bit signed integer.</summary>
    Integer,
    /// <summary><c>long</c>: 64-bit signed integer.</summary>
    Long,
    /// <summary><c>float</c>: 32-bit floating point.</summary>
    Float,
    /// <summary><c>double</c>: 64-bit floating point.</summary>
    Double,
    /// <summary><c>string</c>: text.</summary>
    String,
    /// <summary><c>binary</c>: raw bytes (base64 in JSON).</summary>
    Binary,
    /// <summary><c>datetime</c>: a timestamp.</summary>
    Datetime,
}
