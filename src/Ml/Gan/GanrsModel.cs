namespace GanRsSandbox.Ml.Gan;


