// PowerVM rules as pure functions, each citing its source (ids of ../shared/reference/powervm-rules.md).
export * from './processor';
export * from './memory';
export * from './vios';
export * from './editions';
export * from './ibmi';
export * from './mobility';
