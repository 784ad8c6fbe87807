// The bookkeeping of worker-backed jobs, written once for the solver and the spreadsheet reader.
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common';
import {
  type JobWorker,
  type WorkerCrash,
  WorkerJobs,
  crashReason,
  errorFromShape,
  errorShapeOf,
} from '../../../src-main/usecases';

type Message = { type: 'progress'; fraction: number } | { type: 'result'; value: number } | { type: 'oops' };

/** A worker stand-in: the test posts its messages and counts how often it is terminated. */
class FakeWorker extends EventEmitter {
  terminated = 0;
  terminate(): Promise<number> {
    this.terminated += 1;
    return Promise.resolve(0);
  }
  post(message: Message): void {
    this.emit('message', message);
  }
}

const crashed = (crash: WorkerCrash) => new AppError('internal', `the test work stopped (${crashReason(crash)})`);

function job(jobId: string, worker: JobWorker, seen: Message[] = [], progress: number[] = []) {
  return {
    jobId,
    start: () => worker,
    onMessage: (message: Message) => {
      seen.push(message);
      if (message.type === 'progress') progress.push(message.fraction);
      else if (message.type === 'result') return { kind: 'done' as const, value: message.value };
      else return { kind: 'failed' as const, error: new AppError('invalid-file', 'the worker said oops') };
      return undefined;
    },
    crashed,
  };
}

/** What a job ended with: its value, or the error it failed with. */
const outcome = (promise: Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('worker jobs', () => {
  it('reports progress and resolves with the answer, terminating the worker', async () => {
    const jobs = new WorkerJobs();
    const worker = new FakeWorker();
    const progress: number[] = [];
    const running = jobs.run(job('a', worker, [], progress));
    expect(jobs.size).toBe(1);
    worker.post({ type: 'progress', fraction: 0.5 });
    worker.post({ type: 'result', value: 42 });
    expect(await running).toBe(42);
    expect(progress).toEqual([0.5]);
    expect(worker.terminated).toBe(1);
    expect(jobs.size).toBe(0);
  });

  it('refuses a second job with the id of one still running, and takes it once that one ended', async () => {
    const jobs = new WorkerJobs();
    const first = new FakeWorker();
    const running = jobs.run(job('same', first));
    const second = new FakeWorker();
    const refused = await outcome(jobs.run(job('same', second)));
    expect(refused.error).toBeInstanceOf(AppError);
    expect((refused as { error: AppError }).error.code).toBe('conflict');
    expect((refused as { error: AppError }).error.path).toBe('jobId');
    expect((refused as { error: AppError }).error.message).toContain('same');
    expect(second.terminated).toBe(0);
    first.post({ type: 'result', value: 1 });
    await running;
    const again = jobs.run(job('same', second));
    second.post({ type: 'result', value: 2 });
    expect(await again).toBe(2);
  });

  it('cancels by id: the job rejects with the error given and its worker is terminated', async () => {
    const jobs = new WorkerJobs();
    const worker = new FakeWorker();
    const running = outcome(jobs.run(job('c', worker)));
    expect(jobs.cancel('c', new AppError('cancelled', 'stopped by the user'))).toBe(true);
    const result = await running;
    expect((result as { error: AppError }).error.code).toBe('cancelled');
    expect(worker.terminated).toBe(1);
    expect(jobs.cancel('c', new AppError('cancelled', 'again'))).toBe(false);
    expect(jobs.cancel('never-started', new AppError('cancelled', 'x'))).toBe(false);
  });

  it('settles once: what the worker says after the answer is not read, its exit is no failure', async () => {
    const jobs = new WorkerJobs();
    const worker = new FakeWorker();
    const seen: Message[] = [];
    const running = jobs.run(job('once', worker, seen));
    worker.post({ type: 'result', value: 7 });
    worker.post({ type: 'oops' });
    worker.emit('error', new Error('late'));
    worker.emit('exit', 1);
    expect(await running).toBe(7);
    expect(seen).toEqual([{ type: 'result', value: 7 }]);
    expect(worker.terminated).toBe(1);
    expect(jobs.cancel('once', new AppError('cancelled', 'x'))).toBe(false);
  });

  it('fails with the error the worker reports', async () => {
    const jobs = new WorkerJobs();
    const worker = new FakeWorker();
    const running = outcome(jobs.run(job('f', worker)));
    worker.post({ type: 'oops' });
    expect(((await running) as { error: AppError }).error.message).toBe('the worker said oops');
    expect(worker.terminated).toBe(1);
  });

  it('turns a crashed worker thread into a clear error naming the cause, once', async () => {
    const jobs = new WorkerJobs();
    let calls = 0;
    const thrown = await outcome(
      jobs.run({
        ...job('crash', new FakeWorker()),
        start: () => new Worker("throw new Error('the heap is gone')", { eval: true }),
        crashed: (crash) => {
          calls += 1;
          return crashed(crash);
        },
      }),
    );
    expect((thrown as { error: AppError }).error.message).toBe('the test work stopped (the heap is gone)');
    expect(calls).toBe(1);
    const exited = await outcome(
      jobs.run({ ...job('exit', new FakeWorker()), start: () => new Worker('process.exit(3)', { eval: true }) }),
    );
    expect((exited as { error: AppError }).error.message).toBe('the test work stopped (exit code 3)');
    expect(jobs.size).toBe(0);
  });

  it('carries an error across the thread with its code, field and details', () => {
    const original = new AppError('invalid-file', 'row 3: not a number', 'rows[3]', ['row 3: not a number']);
    const back = errorFromShape(structuredClone(errorShapeOf(original)));
    expect(back).toBeInstanceOf(AppError);
    expect(back.toShape()).toEqual(original.toShape());
    expect(errorShapeOf(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' });
    expect(errorShapeOf('plain')).toEqual({ code: 'internal', message: 'plain' });
  });
});
