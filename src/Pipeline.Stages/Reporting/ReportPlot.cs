namespace Pipeline.Stages.Reporting;

/// <summary>A plot artifact: its file name (e.g. <c>roc_curve_plot.png</c>) and PNG bytes.</summary>
public sealed record ReportPlot(string Name, byte[] Png)
{
    /// <summary>A readable title from the file name: <c>roc_curve_plot.png</c> gives <c>roc curve plot</c>.</summary>
    public string Title => System.IO.Path.GetFileNameWithoutExtension(Name).Replace('_', ' ');
}
