// The few mocha globals the tests use (@types/mocha is not installed); web-test-runner provides mocha.
type MochaCallback = (this: unknown) => void | Promise<unknown>;

declare function describe(title: string, suite: () => void): void;
declare function it(title: string, test: MochaCallback): void;
declare function beforeEach(hook: MochaCallback): void;
declare function afterEach(hook: MochaCallback): void;
declare function before(hook: MochaCallback): void;
declare function after(hook: MochaCallback): void;
