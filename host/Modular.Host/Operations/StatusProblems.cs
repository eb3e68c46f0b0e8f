using Microsoft.AspNetCore.Diagnostics;

namespace Modular.Host.Operations;

/// <summary>Gives a bare API status (404 from the gate, 401, 405) a problem+json body that says what it means.</summary>
internal static class StatusProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var title = status switch
        {
            StatusCodes.Status400BadRequest => "请求无法读取 / The request could not be read.",
            StatusCodes.Status401Unauthorized => "请先登录 / Sign in first.",
            StatusCodes.Status403Forbidden => "没有所需的角色 / Your roles do not allow this.",
            StatusCodes.Status404NotFound => "未找到 / Not found.",
            StatusCodes.Status405MethodNotAllowed => "不支持此方法 / This method is not allowed here.",
            _ => "请求未能完成 / The request could not be completed.",
        };
        var correlation = http.RequestServices.GetRequiredService<Correlation>().Id;
        return TypedResults.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["correlationId"] = correlation }).ExecuteAsync(http);
    }
}
