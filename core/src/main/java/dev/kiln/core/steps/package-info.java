/**
 * Resumable jobs. A long job (e.g. {@code kiln prepare}) is a short list of named steps run through one
 * {@link dev.kiln.core.steps.StepExecutor}: each step writes its outputs atomically, then a marker with
 * its result; a re-run after a crash skips what completed and redoes the rest, so the final bytes equal
 * an uninterrupted run's.
 *
 * <p>To make a job resumable: serialise its configuration deterministically (the fingerprint), open the
 * executor on the output folder, cut the work into steps whose results are JSON-serialisable (records or
 * maps), keep intermediate files under {@link dev.kiln.core.steps.StepExecutor#work()}, write the final
 * outputs last (the file that marks a finished run very last), then call
 * {@link dev.kiln.core.steps.StepExecutor#finish()}.
 */
package dev.kiln.core.steps;
