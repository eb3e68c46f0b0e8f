using System.Globalization;
using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Modular.Modules.LawStudy.Tests;

/// <summary>Reads a QR code as the module draws it (an SVG path of unit squares) the way a phone would: as pixels, through ZXing.</summary>
internal static partial class QrCodes
{
    private const int Scale = 4;

    public static string Decode(string svg)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var width = size * Scale;
        var pixels = Enumerable.Repeat((byte)255, width * width).ToArray();
        foreach (Match square in Square().Matches(svg))
        {
            var x = int.Parse(square.Groups[1].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(square.Groups[2].Value, CultureInfo.InvariantCulture);
            for (var dy = 0; dy < Scale; dy++)
            {
                for (var dx = 0; dx < Scale; dx++)
                {
                    pixels[((y * Scale) + dy) * width + (x * Scale) + dx] = 0;
                }
            }
        }

        var source = new RGBLuminanceSource(pixels, width, width, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\d+\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(\\d+),(\\d+)h1v1h-1z")]
    private static partial Regex Square();
}
