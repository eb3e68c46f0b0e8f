using System.Globalization;
using System.Text;
using QRCoder;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>
/// The QR code on the holder's certificate view: the public verification address, drawn as an SVG path of whole
/// modules (one square per dark module, the quiet zone included), so it prints sharp and needs no image file.
/// </summary>
internal static class CertificateQr
{
    /// <summary>The verification page's path for a number (relative to the site; the page makes it absolute).</summary>
    public static string VerificationPath(string township, string number) =>
        $"/t/{township}/law-study/verify?number={Uri.EscapeDataString(number)}";

    public static string VerificationUrl(string baseUri, string township, string number) =>
        baseUri.TrimEnd('/') + VerificationPath(township, number);

    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x},{y}h1v1h-1z");
                }
            }
        }

        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size * 6}\" height=\"{size * 6}\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"执法证查验二维码 / verification QR code\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
