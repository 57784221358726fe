using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// <c>/experiments/{id}</c>: one page of the experiment's runs (<c>max_results</c>, default 100, at most 1000;
/// <c>page_token</c>), filtered by <c>filter</c> in MLflow's search grammar and ordered by <c>order_by</c>
/// (e.g. <c>metrics.`auc` DESC</c>), both handed to the store's search so a large experiment stays one indexed query.
/// </summary>
internal static class RunsPage
{
    /// <summary>Runs a page when <c>max_results</c> is not given.</summary>
    public const int DefaultPageSize = 100;

    public static async Task RenderAsync(HttpContext http)
    {
        var store = http.RequestServices.GetRequiredService<ITrackingStore>();
        var experiment = await store.GetExperimentAsync((string)http.Request.RouteValues["id"]!, http.RequestAborted);
        var filter = http.QueryValue("filter");
        var orderBy = http.QueryValue("order_by");
        var token = http.QueryValue("page_token");
        var pageSize = PageSize(http.QueryValue("max_results"));
        var path = $"/experiments/{HtmlBuilder.Query(experiment.ExperimentId)}";

        var html = new HtmlBuilder().Element("h1", experiment.Name);
        PagedList<Run> page;
        try
        {
            page = await store.SearchRunsAsync(
                new RunQuery([experiment.ExperimentId], filter, MaxResults: pageSize, OrderBy: orderBy is null ? null : [orderBy], PageToken: token),
                http.RequestAborted);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.InvalidParameterValue)
        {
            RunsFilterForm.Write(html, path, filter, orderBy, [], null);
            // The user typed it: say what the parser said, next to the box, and keep the box filled in.
            html.Element("p", e.Message, "class=\"error\" id=\"search-error\"");
            await DashboardResponse.WriteAsync(http, experiment.Name, html, StatusCodes.Status400BadRequest);
            return;
        }

        var chosen = http.Request.Query.ContainsKey("cols") ? http.Request.Query["col"].OfType<string>().ToHashSet(StringComparer.Ordinal) : null;
        var selection = await SelectionMetric.FindAsync(store, experiment.ExperimentId, page.Items, http.RequestAborted);
        var columns = RunColumns.Of(page.Items, selection, chosen);
        var keep = new List<(string, string?)> { ("filter", filter), ("order_by", orderBy) };
        if (pageSize != DefaultPageSize)
            keep.Add(("max_results", pageSize.ToString(CultureInfo.InvariantCulture)));
        if (chosen is not null)
            keep.AddRange([("cols", "1"), .. chosen.Order(StringComparer.Ordinal).Select(k => ("col", (string?)k))]);
        RunsFilterForm.Write(html, path, filter, orderBy, page.Items, selection);
        ColumnPicker.Write(html, path, experiment.ExperimentId, columns, keep);
        html.Raw("<form method=\"get\" action=\"/compare\">");
        if (page.Items.Count > 0)
            html.Raw("<p class=\"toolbar\"><button type=\"submit\" id=\"compare\">Compare selected runs</button> <span class=\"muted\">tick up to 8 runs to see them side by side</span></p>");
        RunsTable.Write(html, page.Items, columns, column => SortLink(path, keep, orderBy, column));
        if (page.Items.Count == 0)
            html.Raw("<p class=\"muted\">No runs match.</p>");
        html.Raw("</form>");
        Pager.Write(html, path, token, page.NextPageToken, keep);
        await DashboardResponse.WriteAsync(http, experiment.Name, html);
    }

    private static int PageSize(string? text)
    {
        if (text is null)
            return DefaultPageSize;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 1000)
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"max_results must be a whole number from 1 to 1000, got '{text}'.");
        return size;
    }

    // A header link sorts ascending, or descending when the table is already ascending by that column; page 1 again.
    private static (string Href, string Marker) SortLink(string path, List<(string Name, string? Value)> keep, string? current, string column)
    {
        var ascending = $"{column} ASC";
        var next = string.Equals(current, ascending, StringComparison.Ordinal) ? $"{column} DESC" : ascending;
        var marker = string.Equals(current, ascending, StringComparison.Ordinal) ? " ▲" : string.Equals(current, $"{column} DESC", StringComparison.Ordinal) ? " ▼" : "";
        var parameters = keep.Select(p => p.Name == "order_by" ? (p.Name, (string?)next) : p).ToList();
        return (Pager.Url(path, parameters, null), marker);
    }
}
