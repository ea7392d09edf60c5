using System.Text;
using QRCoder;

namespace CredentialSite.Charts;

/// <summary>A QR code as inline SVG (QRCoder makes the modules; one path draws them), for the printed dossier's links.</summary>
public static class QrCode
{
    /// <summary>An SVG of the QR code of <paramref name="text"/>, named "QR code for …"; each dark run of a row is one rectangle.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var d = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = rows[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x]) continue;
                var start = x;
                while (x + 1 < size && row[x + 1]) x++;
                var len = x - start + 1;
                d.Append('M').Append(start).Append(' ').Append(y).Append('h').Append(len).Append("v1h-").Append(len).Append('z');
            }
        }
        return $"<svg class=\"qr\" role=\"img\" aria-label=\"QR code for {Charts.Svg.E(text)}\" viewBox=\"0 0 {size} {size}\" width=\"96\" height=\"96\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{d}\" fill=\"#000\"/></svg>";
    }
}
