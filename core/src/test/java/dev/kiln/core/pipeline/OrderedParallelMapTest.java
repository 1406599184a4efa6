package dev.kiln.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderedParallelMapTest {

    /** A source of 0..n-1 counting how many items it handed out. */
    private static final class Counting implements OrderedParallelMap.Source<Integer> {
        final int n;
        final AtomicInteger read = new AtomicInteger();

        Counting(int n) {
            this.n = n;
        }

        @Override
        public Integer next() {
            int i = read.get();
            if (i == n) {
                return null;
            }
            read.incrementAndGet();
            return i;
        }
    }

    private static List<String> map(int threads, int inFlight, int n) throws IOException {
        List<String> out = new ArrayList<>();
        // uneven work so that later items often finish before earlier ones
        OrderedParallelMap.run("test", threads, inFlight, new Counting(n),
                i -> Integer.toString(IntStream.range(0, (n - i) * 50).map(x -> x * 31 + i).sum() % 1000) + ":" + i, out::add);
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8})
    void resultsComeInInputOrderForAnyThreadCount(int threads) throws IOException {
        List<String> out = map(threads, 5, 500);
        assertEquals(500, out.size());
        for (int i = 0; i < out.size(); i++) {
            assertTrue(out.get(i).endsWith(":" + i), out.get(i));
        }
    }

    @Test
    void outputIsIdenticalForOneTwoAndThreeThreads() throws IOException {
        List<String> one = map(1, 1, 300);
        assertEquals(one, map(2, 3, 300));
        assertEquals(one, map(3, 16, 300));
    }

    @Test
    void emptySourceDeliversNothing() throws IOException {
        assertEquals(List.of(), map(3, 4, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void theEarliestFailureInInputOrderIsRethrownAsItself(int threads) {
        IllegalArgumentException boom = new IllegalArgumentException("item 7");
        List<Integer> seen = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderedParallelMap.run("test", threads, 4,
                new Counting(100), i -> {
                    if (i == 7) {
                        throw boom;
                    }
                    if (i == 9) {
                        throw new IllegalArgumentException("item 9");
                    }
                    return i;
                }, seen::add));
        assertSame(boom, e);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), seen, "everything before the failure was delivered");
    }

    @Test
    void checkedFailuresKeepTheirCause() {
        IOException io = new IOException("disk");
        assertSame(io, assertThrows(IOException.class, () -> OrderedParallelMap.run("test", 2, 2, new Counting(5), i -> {
            throw io;
        }, x -> { })));
        Exception other = new Exception("checked");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OrderedParallelMap.run("test", 2, 2, new Counting(5),
                i -> {
                    throw other;
                }, x -> { }));
        assertSame(other, e.getCause());
    }

    @Test
    void aStuckItemStopsTheReadingAfterMaxInFlightItems() throws IOException {
        int inFlight = 4;
        // item 0 is held until items 1..3 are mapped: the window is then full, and the source must not be
        // asked for item 4 until item 0 has been delivered
        CountDownLatch othersDone = new CountDownLatch(inFlight - 1);
        AtomicInteger delivered = new AtomicInteger();
        List<String> violations = new ArrayList<>();
        Counting items = new Counting(200);
        OrderedParallelMap.Source<Integer> checked = () -> {
            int ahead = items.read.get() - delivered.get();
            if (ahead >= inFlight) {
                violations.add("read " + items.read.get() + " with " + delivered.get() + " delivered");
            }
            return items.next();
        };
        OrderedParallelMap.run("test", 3, inFlight, checked, i -> {
            if (i == 0) {
                othersDone.await();
            } else if (i < inFlight) {
                othersDone.countDown();
            }
            return i;
        }, x -> {
            assertEquals(delivered.get(), x);
            delivered.incrementAndGet();
        });
        assertEquals(List.of(), violations);
        assertEquals(200, delivered.get());
    }

    @Test
    void workersAreNamedDaemonsAndOnePoolServesTheWholeCall() throws IOException {
        Set<String> names = ConcurrentHashMap.newKeySet();
        OrderedParallelMap.run("kiln-test", 2, 4, new Counting(300), i -> {
            Thread t = Thread.currentThread();
            assertTrue(t.isDaemon());
            names.add(t.getName());
            return i;
        }, x -> { });
        assertTrue(Set.of("kiln-test-0", "kiln-test-1").containsAll(names), names.toString());
    }

    @Test
    void oneThreadRunsInlineOnTheCallingThread() throws IOException {
        Thread caller = Thread.currentThread();
        OrderedParallelMap.run("test", 1, 4, new Counting(10), i -> {
            assertSame(caller, Thread.currentThread());
            return i;
        }, x -> { });
    }
}
