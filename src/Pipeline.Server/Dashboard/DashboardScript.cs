using Microsoft.AspNetCore.Http;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// <c>/static/dashboard.js</c>: the dashboard's one script, dependency-free. Every page reads fully without it; it adds
/// the column picker's instant effect and its memory (local storage, per experiment), collapsing sweeps, and the edit
/// forms, which call the same REST API as MLflow's UI (<c>/ajax-api/2.0/mlflow/...</c>, under the server's
/// authentication) and reload the page on success or show the server's message on failure.
/// </summary>
internal static class DashboardScript
{
    public const string Path = "/static/dashboard.js";

    public const string Source = """
        "use strict";
        (() => {
          const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

          // Column picker: a checkbox per column key; unchecked keys are hidden and remembered for this experiment.
          const picker = document.getElementById("column-picker");
          const runs = document.getElementById("runs");
          if (picker && runs) {
            const storageKey = `pipeline.columns.${picker.dataset.experiment}`;
            const boxes = $$("input[name=col]", picker);
            const apply = () => {
              const hidden = new Set(boxes.filter(b => !b.checked).map(b => b.value));
              for (const cell of $$("[data-key]", runs)) cell.hidden = hidden.has(cell.dataset.key);
              for (const group of $$("th.group", runs)) {
                const shown = $$(`thead tr.columns th[data-group="${group.dataset.group}"]`, runs).filter(c => !c.hidden).length;
                group.colSpan = Math.max(shown, 1);
                group.hidden = shown === 0;
              }
            };
            const fromUrl = new URL(location.href).searchParams.has("cols");
            const saved = localStorage.getItem(storageKey);
            if (!fromUrl && saved !== null) {
              const hidden = new Set(JSON.parse(saved));
              for (const box of boxes) box.checked = !hidden.has(box.value);
            }
            apply();
            picker.addEventListener("change", () => {
              localStorage.setItem(storageKey, JSON.stringify(boxes.filter(b => !b.checked).map(b => b.value)));
              apply();
            });
            const submit = picker.querySelector("button[type=submit]");
            if (submit) submit.hidden = true;
          }

          // Collapsing a sweep hides its descendants (rows carry their ancestors' ids in data-ancestors).
          for (const button of $$("button.toggle")) {
            button.hidden = false;
            button.addEventListener("click", () => {
              const open = button.getAttribute("aria-expanded") !== "true";
              button.setAttribute("aria-expanded", String(open));
              button.textContent = open ? "▾" : "▸";
              const id = button.closest("tr").dataset.run;
              for (const row of $$("#runs tbody tr")) {
                if (!(row.dataset.ancestors || "").split(" ").includes(id)) continue;
                row.hidden = !open;
                const inner = row.querySelector("button.toggle");
                if (inner) { inner.setAttribute("aria-expanded", String(open)); inner.textContent = open ? "▾" : "▸"; }
              }
            });
          }

          // Edit forms: data-api names the endpoint, data-method the verb; fields become the JSON body.
          for (const form of $$("form[data-api]")) {
            form.hidden = false;
            form.addEventListener("submit", async event => {
              event.preventDefault();
              const status = form.querySelector(".status");
              const body = {};
              for (const [name, value] of new FormData(form)) body[name] = value;
              if (form.dataset.confirm && !confirm(form.dataset.confirm)) return;
              try {
                const response = await fetch(form.dataset.api, {
                  method: form.dataset.method || "POST",
                  headers: { "Content-Type": "application/json" },
                  credentials: "same-origin",
                  body: JSON.stringify(body),
                });
                if (response.ok) { location.reload(); return; }
                const error = await response.json().catch(() => ({}));
                status.textContent = error.message || `The server answered ${response.status}.`;
              } catch (failure) {
                status.textContent = `The request failed: ${failure}`;
              }
            });
          }
        })();
        """;

    public static Task ServeAsync(HttpContext http)
    {
        http.Response.ContentType = "text/javascript; charset=utf-8";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        return http.Response.WriteAsync(Source, http.RequestAborted);
    }
}
