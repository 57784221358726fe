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
        .muted{color:#5c6577}.diff{background:#fff7d6}form.filter input[type=text]{width:40em;font-family:monospace}
        .pager a{margin-right:1em}svg{background:#fff;border:1px solid #dde1e8;margin:0 1em 1em 0}
        img.preview{max-width:480px;border:1px solid #dde1e8;display:block;margin:.3em 0}
        .charts{display:flex;flex-wrap:wrap}code{background:#eef1f6;padding:0 .2em}
        .scroll{overflow-x:auto;max-width:100%;margin-bottom:1em}.scroll table{margin-bottom:0}td.name,td.time{white-space:nowrap}
        .deleted{color:#a11;font-weight:600}
        a{color:#1f5fbf}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible,.scroll:focus-visible{outline:3px solid #f2a900;outline-offset:1px}
        .skip{position:absolute;left:-999px}.skip:focus{left:1em;top:.5em;background:#fff;padding:.3em .6em;z-index:9}
        .sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        #runs th.name,#runs td.name{position:sticky;left:0;z-index:1;background:#fff;box-shadow:1px 0 0 #dde1e8}
        #runs thead th.name{background:#eef1f6;z-index:2}#runs tr.winner td{background:#eefaf0}#runs tr.winner td.name{background:#eefaf0}
        #runs th.group{text-align:left;background:#e3e8f1}#runs th.selection,#runs td[data-key].sel{background:#fff4cc}
        #runs td.text{max-width:16em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .badge{display:inline-block;background:#1e7b34;color:#fff;border-radius:.6em;padding:0 .45em;font-size:.85em;font-weight:600}
        button.toggle{border:0;background:none;cursor:pointer;font-size:1em;padding:0 .2em;color:#1d2330}
        td.status.failed{color:#a11}td.status.running{color:#1f5fbf}
        .toolbar{margin:.4em 0}details.picker{margin:.4em 0}details.picker fieldset{display:inline-block;vertical-align:top;max-height:14em;overflow:auto;border:1px solid #dde1e8;background:#fff;margin:.3em .5em .3em 0}
        details.picker label{display:block;white-space:nowrap}.help{font-size:.9em}form.filter label{font-weight:600}
        form.edit{display:inline-block;margin:.3em 1em .3em 0}form.edit .status{color:#a11;margin-left:.5em}
        #compare-table.fit{table-layout:fixed;width:100%}#compare-table th.label{width:13em}#compare-table td,#compare-table thead th{overflow-wrap:anywhere;white-space:normal}
        #compare-table tr.same{display:none}body:has(#show-same:checked) #compare-table tr.same{display:table-row}#compare-table tr.diff{background:none}
        #compare-table tr.section th{background:#e3e8f1}code.id{font-size:.85em;background:none}
        pre.preview{background:#fff;border:1px solid #dde1e8;padding:.6em;max-height:30em;overflow:auto;white-space:pre-wrap;word-break:break-word}
        """;
}
