// Benchmark groups: each returns its figures (medians over `runs`). Later issues add their groups here.
import type { BenchGroup } from "./group";
import { dispatchGroup } from "./dispatch.bench";
import { intakeGroup } from "./intake.bench";
import { inventoryGroup } from "./inventory.bench";
import { mappingGroup } from "./mapping.bench";
import { pipelineGroup } from "./pipeline.bench";
import { pipelineFilesGroup } from "./pipeline-files.bench";

export const GROUPS: Record<string, BenchGroup> = {
  intake: intakeGroup,
  mapping: mappingGroup,
  pipeline: pipelineGroup,
  dispatch: dispatchGroup,
  "pipeline-files": pipelineFilesGroup,
  inventory: inventoryGroup,
};
