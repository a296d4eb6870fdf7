import { TEST_ENV } from "./test-env";

Object.assign(process.env, TEST_ENV, { DATABASE_URL: process.env.TEST_DATABASE_URL ?? TEST_ENV.DATABASE_URL });
