using System.Net;
using System.Text;
using System.Text.Json;

namespace CredentialSite.Serve;

/// <summary>
/// The browser side of <c>serve</c>: the script added to served HTML pages (never to the files on disk), and the open
/// tabs' Server-Sent Event streams, told to reload after a good build or shown the diagnostics of a failed one.
/// </summary>
internal sealed class LiveReload : IDisposable
{
    public const string EventsPath = "/__credentialsite/events";
    public const string ScriptPath = "/__credentialsite/live.js";

    private readonly List<Client> _clients = [];
    private readonly object _gate = new();

    /// <summary>An open tab's event stream, and the page (output path) it shows, if it said.</summary>
    public sealed record Client(HttpListenerResponse Response, string? Page);

    public void Add(Client client)
    {
        lock (_gate) _clients.Add(client);
    }

    /// <summary>The tabs that said which page they show.</summary>
    public List<Client> WithPages()
    {
        lock (_gate) return _clients.Where(c => c.Page is not null).ToList();
    }

    public void Broadcast(string name, object data, Func<Client, bool>? to = null)
    {
        var bytes = Encoding.UTF8.GetBytes($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");
        lock (_gate)
        {
            foreach (var client in _clients.Where(to ?? (_ => true)).ToList())
            {
                try
                {
                    client.Response.OutputStream.Write(bytes);
                    client.Response.OutputStream.Flush();
                }
                catch (Exception)
                {
                    _clients.Remove(client);
                }
            }
        }
    }

    public static byte[] InjectScript(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var tag = $"<script src=\"{ScriptPath}\"></script>";
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(at < 0 ? text + tag : text.Insert(at, tag));
    }

    /// <summary>Reloads the tab after a good build; shows the diagnostics over the page after a failed one.</summary>
    public const string Script = """
        (function () {
          'use strict';
          var overlay = null;
          function show(text) {
            if (!overlay) {
              overlay = document.createElement('div');
              overlay.id = 'credentialsite-error-overlay';
              overlay.setAttribute('role', 'alertdialog');
              overlay.setAttribute('aria-label', 'Build failed');
              overlay.style.cssText = 'position:fixed;inset:0;z-index:99999;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto';
              document.body.appendChild(overlay);
            }
            overlay.innerHTML = '';
            var h = document.createElement('h2');
            h.textContent = 'Build failed: the last good site is still served';
            var pre = document.createElement('pre');
            pre.style.whiteSpace = 'pre-wrap';
            pre.textContent = text;
            overlay.appendChild(h);
            overlay.appendChild(pre);
          }
          var events = new EventSource('/__credentialsite/events?page=' + encodeURIComponent(location.pathname));
          events.addEventListener('reload', function () { location.reload(); });
          events.addEventListener('build-error', function (e) { show(JSON.parse(e.data).diagnostics); });
        })();
        """;

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var c in _clients) try { c.Response.Abort(); } catch (Exception) { /* closed */ }
            _clients.Clear();
        }
    }
}
