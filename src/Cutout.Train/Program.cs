using TorchSharp;
var t = torch.randn(2, 3);
Console.WriteLine(t.sum().item<float>());
return 0;
