// The task kind and parameter type are the ML library's own enumerations (one declaration each), used throughout the
// pipeline file's model and the stages.
global using ParameterType = Pipeline.Ml.Training.ParameterType;
global using TaskKind = Pipeline.Ml.Data.TaskKind;
