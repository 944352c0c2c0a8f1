namespace Cutout.Bench;

/// <summary>Command line of the harness; every count has a default sized for a 2-core machine.</summary>
sealed class Options
{
    public string Command { get; private set; } = "all";
    public string Model { get; private set; } = "default";
    public string? Reference { get; private set; } = "isnet";
    public int Runs { get; private set; } = 10;
    public int ReferenceRuns { get; private set; } = 3;
    public int FolderCount { get; private set; } = 100;
    public int ReferenceFolderCount { get; private set; } = 10;
    public int ServeRequests { get; private set; } = 200;
    public int ReferenceServeRequests { get; private set; } = 12;
    public int ServeConcurrency { get; private set; } = 4;
    public int SoakRequests { get; private set; } = 10_000;
    public int SoakConcurrency { get; private set; } = 8;
    public string? Results { get; private set; }
    public string? Work { get; private set; }
    public bool SkipVariants { get; private set; }
    public int HostileRequests { get; private set; } = 200;
    public int HostileAttackers { get; private set; } = 8;
    public int HostileSeconds { get; private set; } = 20;
    public string? Cli { get; private set; }
    public string Label { get; private set; } = "after";
    public int VideoSeconds { get; private set; } = 2;
    public string VideoPart { get; private set; } = "all";

    public const string Usage = """
        Usage: dotnet run --project bench/Cutout.Bench -c Release -- [all|soak|flops] [options]

          all    end to end (1 MP, 12 MP), model-only latency, FLOPs vs measured peak, `cutout remove` folder
                 throughput and 12 MP peak memory, `cutout serve` throughput at concurrency 4; for --model and for
                 --reference in the same run, with ratios; rewrites its section of bench/results.md ("all", or
                 "all-MODEL" for a --model other than the default)
          soak   `cutout serve` with --model: --soak-requests requests at --soak-concurrency, good and bad images mixed;
                 every request answered, resident memory after warm-up; rewrites its section of bench/results.md
          hostile  `cutout serve` against issue 14's hostile uploads: CPU seconds per hostile request, /healthz latency
                 while --attackers clients send them for --attack-seconds, then --hostile-requests requests at
                 --concurrency with every fourth one hostile; rewrites the section of --label in bench/results.md
          flops  FLOPs per image of --model and --reference, and the measured peak, printed only
          video  `cutout remove clip.mp4` on a 720p and a 1080p clip (needs ffmpeg): frames/s and peak memory for --model
                 and --reference, flicker with and without smoothing, output size per format; rewrites its section
                 (--video-part speed: only --model's 720p clip, with and without smoothing, into the section of --label;
                 --cli: another build's cutout, e.g. --cli OLD/Cutout.Cli.dll --label before)
          video-profile  CPU time of each step of one 720p frame (decode, model input, model, upscale, smoothing,
                 matte pipeline, render, flicker, encode) for --model; rewrites its section

        Options: --model NAME (default: the shipped default) --reference NAME|none (default isnet)
                 --runs N (10) --ref-runs N (3) --folder N (100) --ref-folder N (10) --serve N (200) --ref-serve N (12)
                 --concurrency N (4) --soak-requests N (10000) --soak-concurrency N (8) --no-variants
                 --hostile-requests N (200) --attackers N (8) --attack-seconds N (20) --label after|before
                 --cli PATH/Cutout.Cli.dll (another build's server, e.g. the commit before a fix)
                 --video-seconds N (2) --video-part all|speed (all)
                 --results FILE (default bench/results.md) --work DIR (default /tmp/cutout-bench)
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith('-')) o.Command = args[i++];
        for (; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Value());
            switch (args[i])
            {
                case "--model": o.Model = Value(); break;
                case "--reference": o.Reference = Value() is "none" ? null : args[i]; break;
                case "--runs": o.Runs = Int(); break;
                case "--ref-runs": o.ReferenceRuns = Int(); break;
                case "--folder": o.FolderCount = Int(); break;
                case "--ref-folder": o.ReferenceFolderCount = Int(); break;
                case "--serve": o.ServeRequests = Int(); break;
                case "--ref-serve": o.ReferenceServeRequests = Int(); break;
                case "--concurrency": o.ServeConcurrency = Int(); break;
                case "--soak-requests": o.SoakRequests = Int(); break;
                case "--soak-concurrency": o.SoakConcurrency = Int(); break;
                case "--results": o.Results = Value(); break;
                case "--work": o.Work = Value(); break;
                case "--no-variants": o.SkipVariants = true; break;
                case "--hostile-requests": o.HostileRequests = Int(); break;
                case "--attackers": o.HostileAttackers = Int(); break;
                case "--attack-seconds": o.HostileSeconds = Int(); break;
                case "--cli": o.Cli = Value(); break;
                case "--label": o.Label = Value(); break;
                case "--video-seconds": o.VideoSeconds = Int(); break;
                case "--video-part": o.VideoPart = Value() is "speed" or "all" ? args[i] : throw new ArgumentException("--video-part is all or speed"); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Command is not ("all" or "soak" or "flops" or "hostile" or "video" or "video-profile")) throw new ArgumentException($"unknown command {o.Command}");
        return o;
    }
}
