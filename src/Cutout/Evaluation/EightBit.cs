namespace Cutout;

/// <summary>Alpha as a saved file holds it: rounded to 1/255 steps. Metrics judge what the user gets.</summary>
static class EightBit
{
    public static float Alpha(float value) => AlphaMatte.ToByte(value) / 255f;
}
