using System.Net;
using System.Net.Sockets;

namespace CredentialSite.Tests.Browser;

/// <summary>
/// Serves a built site on 127.0.0.1 under a base path, as GitHub Pages would: folders serve index.html,
/// unknown paths get 404.html with status 404. Bounded to this process and loopback only.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _basePath;
    private readonly CancellationTokenSource _stop = new();

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json", [".svg"] = "image/svg+xml", [".xml"] = "application/xml", [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/plain; charset=utf-8", [".png"] = "image/png", [".jpg"] = "image/jpeg",
    };

    public StaticServer(string root, string basePath, int port)
    {
        _root = root;
        _basePath = basePath;
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(Loop);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}{_basePath}";

    /// <summary>Bytes sent since the last reset, for transfer measurements.</summary>
    public long BytesSent;

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            string? file = null;
            if (path.StartsWith(_basePath, StringComparison.Ordinal))
            {
                var rel = path[_basePath.Length..];
                var full = Path.GetFullPath(Path.Combine(_root, rel));
                if (full.StartsWith(_root, StringComparison.Ordinal))
                {
                    if (Directory.Exists(full)) full = Path.Combine(full, "index.html");
                    if (File.Exists(full)) file = full;
                }
            }
            if (file is null)
            {
                response.StatusCode = 404;
                file = Path.Combine(_root, "404.html");
            }
            var bytes = File.ReadAllBytes(file);
            response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            response.ContentLength64 = bytes.Length;
            Interlocked.Add(ref BytesSent, bytes.Length);
            response.OutputStream.Write(bytes);
        }
        catch (Exception)
        {
            response.StatusCode = 500;
        }
        finally
        {
            try { response.Close(); } catch (Exception) { /* client went away */ }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
    }
}
