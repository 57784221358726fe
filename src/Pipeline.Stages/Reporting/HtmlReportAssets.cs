namespace Pipeline.Stages.Reporting;

/// <summary>The report page's inline style and script: the page loads nothing from anywhere.</summary>
internal static class HtmlReportAssets
{
    /// <summary>Allows only what the page carries inline, so a browser refuses any request the page would make.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

    public const string Style = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1400px; padding: 16px 24px; color: #1f2328; }
        h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
        .scroll { overflow-x: auto; }
        .sub { color: #59636e; margin-top: 0; }
        table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
        th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
        table.sortable th[aria-sort="ascending"]::after { content: " \25B2"; }
        table.sortable th[aria-sort="descending"]::after { content: " \25BC"; }
        tr.winner td { background: #dafbe1; font-weight: 600; } td.trial { white-space: nowrap; } #sweep td { max-width: 22em; }
        tr.failed td { background: #ffebe9; }
        .pass { color: #1a7f37; font-weight: 600; } .fail { color: #d1242f; font-weight: 600; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; min-width: 180px; }
        .card b { display: block; color: #59636e; font-weight: normal; font-size: 12px; }
        .plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 12px; }
        .plots svg { max-width: 100%; height: auto; background: #fff; }
        figure { margin: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; }
        figure img { width: 100%; height: auto; display: block; } figcaption { color: #59636e; font-size: 12px; text-align: center; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
        """;

    /// <summary>Sorts a <c>table.sortable</c> by the clicked column: numbers by their <c>data-sort</c> value, text otherwise; a second click reverses.</summary>
    public const string Script = """
        "use strict";
        document.querySelectorAll("table.sortable").forEach(function (table) {
          var headers = table.tHead.rows[0].cells;
          Array.prototype.forEach.call(headers, function (th, column) {
            th.addEventListener("click", function () {
              var ascending = th.getAttribute("aria-sort") !== "ascending";
              Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              function key(row) {
                var cell = row.cells[column];
                var value = cell.getAttribute("data-sort");
                return value === null ? cell.textContent.trim() : parseFloat(value);
              }
              rows.sort(function (a, b) {
                var x = key(a), y = key(b);
                var missingX = typeof x === "number" && isNaN(x), missingY = typeof y === "number" && isNaN(y);
                if (missingX || missingY) return missingX === missingY ? 0 : (missingX ? 1 : -1);
                var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """;
}
