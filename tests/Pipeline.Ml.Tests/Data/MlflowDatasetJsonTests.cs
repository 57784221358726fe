using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

/// <summary>The dataset record strings, compared with what MLflow's PandasDataset.to_dict() writes through json.dumps.</summary>
public class MlflowDatasetJsonTests
{
    [Fact]
    public void Profile_IsJsonDumpsOfRowsAndElements()
    {
        // iris.csv: 150 rows, 4 features and the label.
        Assert.Equal("{\"num_rows\": 150, \"num_elements\": 750}", MlflowDatasetJson.Profile(TestData.Load("iris")));
    }

    [Fact]
    public void Schema_IsMlflowColspecWithPythonSeparators()
    {
        var schema = new DataSchema([new DataColumn("sepal length", DataColumn.DoubleType), new DataColumn("label", DataColumn.LongType)], "label");

        Assert.Equal(
            "{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"sepal length\", \"required\": true}, {\"type\": \"long\", \"name\": \"label\", \"required\": true}]}",
            MlflowDatasetJson.Schema(schema));
    }

    [Fact]
    public void Source_EscapesNonAsciiAsJsonDumpsDoes()
    {
        Assert.Equal("{\"uri\": \"file:///data/caf\\u00e9.csv\"}", MlflowDatasetJson.Source("file:///data/café.csv"));
    }

    [Fact]
    public void Schema_UnknownColumnType_ThrowsNamingColumn()
    {
        var schema = new DataSchema([new DataColumn("when", "timestamp")], "when");

        var error = Assert.Throws<ArgumentException>(() => MlflowDatasetJson.Schema(schema));
        Assert.Contains("'when'", error.Message);
    }
}
