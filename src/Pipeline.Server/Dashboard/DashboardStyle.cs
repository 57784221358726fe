namespace Pipeline.Server.Dashboard;

/// <summary>The dashboard's one stylesheet, inlined in every page so that a page is a single request.</summary>
internal static class DashboardStyle
{
    public const string Css = """
        body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}
        nav{background:#1d2330;padding:.6em 1em}nav a{color:#dfe6f3;margin-right:1.2em;text-decoration:none}
        nav .brand{font-weight:700;color:#fff}main{padding:1em 1.5em}
        h1{font-size:1.4em;margin:.2em 0 .6em}h2{font-size:1.15em;margin:1.2em 0 .4em}
        table{border-collapse:collapse;background:#fff;margin-bottom:1em}
        th,td{border:1px solid #dde1e8;padding:.25em .6em;text-align:left;vertical-align:top}
        th{background:#eef1f6;white-space:nowrap}th a{color:inherit}td.num{text-align:right;font-variant-numeric:tabular-nums}
        tr.child td.name{color:#3b4660}.error{color:#a11;background:#fdecec;border:1px solid #f3b9b9;padding:.5em .8em}
        .muted{color:#6b7385}.diff{background:#fff7d6}form.filter input[type=text]{width:40em;font-family:monospace}
        .pager a{margin-right:1em}svg{background:#fff;border:1px solid #dde1e8;margin:0 1em 1em 0}
        img.preview{max-width:480px;border:1px solid #dde1e8;display:block;margin:.3em 0}
        .charts{display:flex;flex-wrap:wrap}code{background:#eef1f6;padding:0 .2em}
        .scroll{overflow-x:auto;max-width:100%;margin-bottom:1em}.scroll table{margin-bottom:0}td.name,td.time{white-space:nowrap}
        .deleted{color:#a11;font-weight:600}
        """;
}
