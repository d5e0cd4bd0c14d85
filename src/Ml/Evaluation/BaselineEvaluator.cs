namespace GanRsSandbox.Ml.Evaluation;


