package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** {@link TaskProgress} on a real local Spark context: progress lines from task-end events, through a retried task. */
class TaskProgressTest {

    private static final Pattern LINE = Pattern.compile("spark: test (\\d+)/6 units \\((\\d+) %\\), \\d+ s, ETA \\d+ s");

    @Test
    void reportsUnitsDoneFromTaskEndEvents() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        // local[1,2]: one slot, so tasks end one after the other; two attempts, so partition 0's first failure is retried
        try (JavaSparkContext sc = new JavaSparkContext(PrepareJob.sparkConf("local[1,2]").setAppName("kiln-progress-test"))) {
            List<Integer> r = TaskProgress.track(sc, "test", 6, lines::add, () -> sc.parallelize(List.of(0, 1, 2, 3, 4, 5), 6).map(i -> {
                org.apache.spark.TaskContext t = org.apache.spark.TaskContext.get();
                if (i == 0 && t.attemptNumber() == 0) {
                    throw new IllegalStateException("first attempt fails");
                }
                Thread.sleep(150);
                return i * 2;
            }).collect(), 0L);
            assertEquals(List.of(0, 2, 4, 6, 8, 10), r);
        }
        assertTrue(!lines.isEmpty(), "at least one progress line");
        int previous = 0;
        for (String l : lines) {
            Matcher m = LINE.matcher(l);
            assertTrue(m.matches(), l);
            int done = Integer.parseInt(m.group(1));
            assertTrue(done > previous && done < 6, "units done rise and stop before the last: " + lines);
            assertEquals(100 * done / 6, Integer.parseInt(m.group(2)), l);
            previous = done;
        }
    }
}
