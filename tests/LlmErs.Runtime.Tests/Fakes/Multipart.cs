namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>Reads the text parts of a multipart/form-data body by name; enough for a fake upload endpoint.</summary>
internal static class Multipart
{
    public static Dictionary<string, string> Parse(string body, string contentType)
    {
        var boundary = "--" + contentType.Split("boundary=")[1].Trim('"');
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in body.Split(boundary).Skip(1))
        {
            var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                continue;
            }

            var headers = part[..headerEnd];
            var nameStart = headers.IndexOf("name=", StringComparison.Ordinal) + "name=".Length;
            var name = headers[nameStart..].Split(';', '\r')[0].Trim('"');
            var content = part[(headerEnd + 4)..];
            parts[name] = content.EndsWith("\r\n", StringComparison.Ordinal) ? content[..^2] : content;
        }

        return parts;
    }
}
