using System.Text;
using Wissensassistent.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await WissenCommandLine.RunAsync(args);
