Console.WriteLine("wissen");
