namespace Cutout.Training; internal static class Placeholder {}
