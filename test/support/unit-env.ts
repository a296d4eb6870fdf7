import { TEST_ENV } from "./test-env";

Object.assign(process.env, TEST_ENV);
