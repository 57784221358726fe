using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Tracking;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The web dashboard: server-rendered HTML pages at <c>/</c> (experiments), <c>/experiments/{id}</c> (runs table),
/// <c>/runs/{id}</c> (one run), <c>/compare?runs=a,b</c> and <c>/models</c>. Unknown ids answer a 404 page, bad input
/// (an invalid filter or order) a 400 page with the parser's message; nothing is a JSON error here.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Maps the dashboard's pages on <paramref name="routes"/>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Page(ExperimentsPage.RenderAsync));
        routes.MapGet("/experiments/{id}", Page(RunsPage.RenderAsync));
        routes.MapGet("/runs/{id}", Page(RunPage.RenderAsync));
        routes.MapGet("/runs/{id}/artifact", Page(ArtifactFile.ServeAsync));
        routes.MapGet("/compare", Page(ComparePage.RenderAsync));
        routes.MapGet("/models", Page(ModelsPage.RenderAsync));
        return routes;
    }

    // Store errors become HTML pages; anything else still reaches the server's error middleware (a logged 500).
    private static RequestDelegate Page(Func<HttpContext, Task> render) => async http =>
    {
        try
        {
            await render(http);
        }
        catch (TrackingException e) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            var (status, title) = e.Code switch
            {
                ErrorCode.ResourceDoesNotExist => (StatusCodes.Status404NotFound, "Not found"),
                ErrorCode.InvalidParameterValue or ErrorCode.BadRequest => (StatusCodes.Status400BadRequest, "Bad request"),
                ErrorCode.PermissionDenied => (StatusCodes.Status403Forbidden, "Forbidden"),
                _ => (Api.ErrorStatus.Of(e.Code), "Error"),
            };
            await DashboardResponse.WriteProblemAsync(http, status, title, e.Message);
        }
    };

    /// <summary>The string value of query parameter <paramref name="name"/>, null when absent or empty.</summary>
    internal static string? QueryValue(this HttpContext http, string name) =>
        http.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
