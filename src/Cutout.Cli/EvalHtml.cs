using System.Net;
using System.Text;

namespace Cutout.Cli;

/// <summary>A self-contained HTML page: the figures, then the worst images as photo | truth | prediction.</summary>
static class EvalHtml
{
    public static string Render(EvalReport report, IEnumerable<(EvalSample Sample, byte[] Photo, byte[] Truth)> worst)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>cutout eval: {E(report.Model)}</title>
            <style>body{"{"}font-family:system-ui,sans-serif;margin:2em{"}"} td,th{"{"}padding:4px 10px;text-align:right{"}"}
            img{"{"}max-width:240px;background:#ddd{"}"} .row{"{"}display:flex;gap:12px;align-items:flex-start;margin-bottom:18px{"}"}</style>
            </head><body><h1>cutout eval</h1>
            <p>model <b>{E(report.ModelName)}</b> ({E(report.ModelPath)}), data {E(report.Data)}, {report.Images} images, {E(report.DateUtc)}</p>
            <table><tr><th>set</th><th>images</th><th>mean IoU</th><th>dataset IoU</th><th>Dice</th><th>MAE</th><th>boundary F</th><th>smudge</th><th>translucent</th><th>empty</th><th>edge MAE</th><th>model ms (median / p95)</th><th>end-to-end ms</th></tr>
            """);
        Row(html, "all", report.Overall);
        foreach (var (prefix, figures) in report.ByPrefix) Row(html, prefix, figures);
        html.Append("</table><h2>Worst images (by IoU)</h2><p>photo | ground truth | prediction (alpha) | cut-out on magenta (veils and see-through parts show)</p>");
        foreach (var (sample, photo, truth) in worst)
        {
            var q = sample.Quality;
            html.Append($"<h3>{E(sample.Name)}: IoU {sample.Score.Iou:F3}, boundary F {sample.Score.BoundaryF:F3}, MAE {sample.Score.Mae:F3}, " +
                        $"smudge {q.Smudge.Share:P2}, translucent {q.Translucent.Share:P2}, edge MAE {q.Edge.Mae:F3}{(q.Empty ? ", empty" : "")}</h3>");
            html.Append($"<div class=\"row\"><img alt=\"photo\" src=\"{Uri("image/jpeg", photo)}\"><img alt=\"truth\" src=\"{Uri("image/png", truth)}\">");
            html.Append($"<img alt=\"prediction\" src=\"{Uri("image/png", sample.PredictionThumbnail)}\">");
            html.Append($"<img alt=\"cut-out on magenta\" src=\"{Uri("image/png", sample.CutoutThumbnail)}\"></div>");
        }
        return html.Append("</body></html>\n").ToString();
    }

    static void Row(StringBuilder html, string name, EvalFigures f) => html.Append(
        $"<tr><td>{E(name)}</td><td>{f.Images}</td><td>{f.MeanIou:F4}</td><td>{f.DatasetIou:F4}</td><td>{f.MeanDice:F4}</td>" +
        $"<td>{f.Mae:F4}</td><td>{f.BoundaryF:F4}</td><td>{f.Smudge:P2}</td><td>{f.Translucent:P2}</td><td>{f.Empty}</td>" +
        $"<td>{f.EdgeMae:F4}</td><td>{f.LatencyMs.Model.Median:F0} / {f.LatencyMs.Model.P95:F0}</td>" +
        $"<td>{f.LatencyMs.EndToEnd.Median:F0} / {f.LatencyMs.EndToEnd.P95:F0}</td></tr>");

    static string Uri(string type, byte[] data) => $"data:{type};base64,{Convert.ToBase64String(data)}";

    static string E(string text) => WebUtility.HtmlEncode(text);
}
