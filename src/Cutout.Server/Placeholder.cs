namespace Cutout.Server; internal static class Placeholder {}
