namespace Cutout.Tests; public class SmokeTest { [Xunit.Fact] public void Builds() => Xunit.Assert.True(true); }
