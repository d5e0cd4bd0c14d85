Console.WriteLine("ganrs");
