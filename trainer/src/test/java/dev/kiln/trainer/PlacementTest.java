package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.trainer.model.Init;
import org.junit.jupiter.api.Test;

/**
 * The placement report reads the optimised model ONNX Runtime saves at session creation. On the CPU
 * provider there are no host-device copies; on CUDA the same code counts them (always on there).
 */
class PlacementTest {

    @Test
    void reportsTheOptimisedLoopGraphWithoutCopiesOnCpu() throws Exception {
        TrainerConfig c = TrainerConfig.of(TestData.TOY, 2, 16).withStepsPerRun(2).withDevice(Device.CPU, 1);
        float[] init = Init.params(c.model(), 1);
        try (TrainerSession off = TrainerSession.create(c, init)) {
            assertNull(off.placement(), "off by default on CPU");
        }
        System.setProperty(TrainerSession.PLACEMENT_PROPERTY, "true");
        try (TrainerSession s = TrainerSession.create(c, init)) {
            Placement p = s.placement();
            assertNotNull(p);
            assertTrue(p.nodes() > 100 && p.nodes() < s.nodeCount() * 2, "optimised nodes " + p.nodes() + " vs built " + s.nodeCount());
            assertEquals(0, p.copiesOutside() + p.copiesInLoops(), "CPU has no host-device copies");
            assertTrue(p.line().startsWith("placement: "), p.line());
        } finally {
            System.clearProperty(TrainerSession.PLACEMENT_PROPERTY);
        }
        assertTrue(new Placement(10, 1, 2).line().contains("WARNING"), "a copy inside the loop is flagged");
    }
}
