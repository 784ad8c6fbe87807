// Solver messages are codes with parameters (templates in ../common/messages/solver.ts), so the interface and the
// reports translate them; no English sentence leaves the solver.
export { Message, msg } from '../common';
