global using Cutout.Tests;
