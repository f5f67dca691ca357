using Prewarm.Cake;
using Prewarm.Frosting;

return new CakeHost()
    .UsePrewarm()
    .Run(args);
