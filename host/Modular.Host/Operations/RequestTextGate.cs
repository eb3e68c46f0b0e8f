using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Modular.Kit.Input;

namespace Modular.Host.Operations;

/// <summary>
/// The one place where text enters the platform, for every endpoint of the host and of every module, so a module cannot
/// forget: route values, query strings, JSON bodies (every string by JSON path), and an API's form fields and file
/// names must hold no NUL or other control character (tab, CR, LF allowed); an endpoint that binds a JSON body gets
/// one (never empty, never <c>null</c>). Runs after authorization, so nobody's body is read before they may post it.
/// </summary>
internal sealed class RequestTextGate(RequestDelegate next)
{
    /// <summary>Bodies beyond this are refused 413 before they are read (Kestrel's own limit, 30 MB, usually comes first).</summary>
    public const long MaxJsonBytes = 32 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && !PlainText.IsAcceptable(text))
            {
                problems[key] = [ControlCharacters];
            }
        }

        foreach (var (key, values) in context.Request.Query)
        {
            if (!PlainText.IsAcceptable(key) || values.Any(v => !PlainText.IsAcceptable(v)))
            {
                problems[PlainText.ForXml(key)] = [ControlCharacters];
            }
        }

        var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        var bindsJson = accepts?.RequestType is not null && accepts.ContentTypes.Any(IsJson);
        if (problems.Count == 0 && context.Request.HasJsonContentType())
        {
            if (await ReadJsonAsync(context) is not { } body)
            {
                await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, [], "请求正文过大 / The request body is too large.");
                return;
            }

            problems = JsonBodyText.Problems(body.Span, bindsJson, RequestTextLimits.Of(accepts?.RequestType));
        }
        else if (problems.Count == 0 && context.Request.HasFormContentType && context.Request.Path.StartsWithSegments("/api"))
        {
            // Pages read their forms through InputErrors, which names the field beside the form; the API answers here.
            problems = await FormProblemsAsync(context);
        }
        else if (problems.Count == 0 && bindsJson && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            // No body at all: binding would hand the endpoint a null it never expects. A body of another type gets 415.
            problems = JsonBodyText.Problems([], bodyRequired: true);
        }

        if (problems.Count > 0)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, problems, "输入有误 / One or more fields are not valid.");
            return;
        }

        await next(context);
    }

    private const string ControlCharacters = "含有不可见的控制字符（只允许制表符和换行）/ Contains control characters; only tab, line feed and carriage return are allowed.";

    private static bool IsJson(string contentType) => contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The whole body, now readable again by the endpoint; null when it is larger than allowed. The buffer is rented
    /// from the shared pool and given back when the response is done, so a stream of large bodies (a megabyte pasted
    /// into every field) leaves no large-object garbage per request.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadJsonAsync(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } configured ? Math.Min(configured, MaxJsonBytes) : MaxJsonBytes;
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        var body = new PooledBody((int)Math.Min(context.Request.ContentLength ?? 16 * 1024, limit));
        context.Response.RegisterForDispose(body);
        if (!await body.FillAsync(context.Request.Body, limit, context.RequestAborted))
        {
            return null;
        }

        context.Request.Body = body.Stream();
        return body.Content;
    }

    /// <summary>A request body read into a pooled array that grows by doubling, returned to the pool on dispose.</summary>
    private sealed class PooledBody(int capacity) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1024));
        private int _length;

        public ReadOnlyMemory<byte> Content => _buffer.AsMemory(0, _length);

        public async Task<bool> FillAsync(Stream source, long limit, CancellationToken ct)
        {
            while (true)
            {
                if (_length >= limit)
                {
                    // At the limit: one more byte would be over it.
                    return await source.ReadAsync(new byte[1], ct) == 0;
                }

                if (_length == _buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, limit));
                    _buffer.AsSpan(0, _length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = larger;
                }

                var read = await source.ReadAsync(_buffer.AsMemory(_length, (int)Math.Min(_buffer.Length - _length, limit - _length)), ct);
                if (read == 0)
                {
                    return true;
                }

                _length += read;
            }
        }

        public MemoryStream Stream() => new(_buffer, 0, _length, writable: false);

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, []);
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static async Task<Dictionary<string, string[]>> FormProblemsAsync(HttpContext context)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException unreadable)
        {
            // A malformed multipart body, or one past the form limits (field count, value length): the client's fault.
            problems["form"] = [$"表单无法读取 / The form could not be read: {unreadable.Message}"];
            return problems;
        }

        foreach (var (key, values) in form)
        {
            if (!PlainText.IsAcceptable(key) || values.Any(v => !PlainText.IsAcceptable(v)))
            {
                problems[PlainText.ForXml(key)] = [ControlCharacters];
            }
        }

        foreach (var file in form.Files)
        {
            if (!PlainText.IsAcceptable(file.FileName) || !PlainText.IsAcceptable(file.Name))
            {
                problems[PlainText.ForXml(file.Name)] = ["文件名含有不可见的控制字符 / The file name contains control characters."];
            }
        }

        return problems;
    }

    private static Task AnswerAsync(HttpContext context, int status, Dictionary<string, string[]> problems, string title)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // A page's bad address gets the shell's error page (the status code pages re-execute it).
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        var problem = new HttpValidationProblemDetails(problems) { Status = status, Title = title };
        problem.Extensions["correlationId"] = Correlation.Of(context).Id;
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
