using GanRsSandbox.Ml.Data;
using GanRsSandbox.Ml.Models;

namespace GanRsSandbox.Ml.Evaluation;


