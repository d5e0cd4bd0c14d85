using System.Net;

namespace GanRsSandbox.Tests.Shared;

/// <summary>
/// A loopback HTTP server that serves fixed bytes by file name and 404 for anything else, standing in for a dataset's
/// publisher: nothing in the tests reaches the internet. It counts the requests it answered.
/// </summary>
public sealed class LocalFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files;
    private readonly Task _serving;
    private int _requests;

    public LocalFileServer(IReadOnlyDictionary<string, byte[]> files)
    {
        _files = new Dictionary<string, byte[]>(files);
        var port = TestPorts.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/movielens/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            using var response = context.Response;
            var name = context.Request.Url!.AbsolutePath[BaseUrl.AbsolutePath.Length..];
            if (_files.TryGetValue(name, out var bytes))
            {
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
