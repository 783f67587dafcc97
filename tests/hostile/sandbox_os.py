# expect: os
import os
print(os.listdir("/"))
